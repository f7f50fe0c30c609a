import multiprocessing
import unittest


def square(n):
    return n * n


def sum_of_squares(numbers, context):
    """The code under test: squares numbers on a pool of worker processes."""
    with context.Pool(2) as pool:
        return sum(pool.map(square, numbers))


class StartMethodTests(unittest.TestCase):
    def test_same_answer_under_every_start_method(self):
        for method in multiprocessing.get_all_start_methods():
            with self.subTest(method=method):
                context = multiprocessing.get_context(method)
                self.assertEqual(sum_of_squares(range(10), context), 285)


if __name__ == "__main__":
    unittest.main()

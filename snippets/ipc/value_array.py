from multiprocessing import Array, Process, Value


def fill(total, squares):
    for i in range(len(squares)):
        squares[i] = i * i
    total.value = sum(squares)


if __name__ == "__main__":
    total = Value("i", 0)  # one C int, initially 0
    squares = Array("i", 5)  # five C ints, initially 0
    child = Process(target=fill, args=(total, squares))
    child.start()
    child.join()
    # The child wrote into memory that the parent shares with it.
    print(f"squares[:] = {squares[:]}")
    print(f"total.value = {total.value}")

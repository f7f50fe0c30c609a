import sqlite3
from multiprocessing import Pool

connection = None  # each worker opens its own, once
opened = 0


def open_connection(rows):
    global connection, opened
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE price (item TEXT, cents INTEGER)")
    connection.executemany("INSERT INTO price VALUES (?, ?)", rows)
    opened += 1


def price_of(item):
    query = "SELECT cents FROM price WHERE item = ?"
    (cents,) = connection.execute(query, (item,)).fetchone()
    return item, cents, opened


if __name__ == "__main__":
    rows = [("apple", 40), ("bread", 250), ("milk", 120), ("tea", 300)]
    orders = ["tea", "apple", "milk", "bread"] * 5
    with Pool(2, initializer=open_connection, initargs=(rows,)) as pool:
        answers = pool.map(price_of, orders)
    for item, cents, _ in answers[:4]:
        print(f"{item}: {cents} cents")
    print(f"{len(answers)} tasks answered")
    counts = {times for _, _, times in answers}
    print(f"Times a task's worker had opened its connection: {counts}")
    print(f"Connection in the parent: {connection}")

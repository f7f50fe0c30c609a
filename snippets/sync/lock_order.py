import threading


class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


def transfer(source, target, amount):
    # Always lock the account whose name sorts first, whichever way the
    # money goes. Two transfers can then never hold one lock each.
    first, second = sorted((source, target), key=lambda account: account.name)
    with first.lock:
        with second.lock:
            source.balance -= amount
            target.balance += amount


def many_transfers(source, target):
    for _ in range(10_000):
        transfer(source, target, 1)


if __name__ == "__main__":
    a = Account("A", 100)
    b = Account("B", 100)
    threads = [
        threading.Thread(target=many_transfers, args=(a, b)),  # A to B
        threading.Thread(target=many_transfers, args=(b, a)),  # B to A
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("20000 transfers done, none stuck.")
    print(f"A: {a.balance}, B: {b.balance}, total: {a.balance + b.balance}")

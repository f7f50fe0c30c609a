import threading


class Inventory:
    def __init__(self):
        self._lock = threading.RLock()
        self._stock = {}

    def add(self, item, count):
        with self._lock:
            self._stock[item] = self._stock.get(item, 0) + count

    def add_many(self, deliveries):
        # Holds the lock for the whole delivery, and add() takes it again
        # inside. With a plain Lock, the first add() would wait forever.
        with self._lock:
            for item, count in deliveries:
                self.add(item, count)

    def snapshot(self):
        with self._lock:
            return dict(sorted(self._stock.items()))


def deliver(inventory):
    for _ in range(1000):
        inventory.add_many([("apples", 2), ("pears", 1)])


if __name__ == "__main__":
    inventory = Inventory()
    threads = [
        threading.Thread(target=deliver, args=(inventory,)) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(inventory.snapshot())

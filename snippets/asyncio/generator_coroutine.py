def consumer():
    reply = ""
    while True:
        item = yield reply  # pause here until the producer sends an item
        print(f"[consumer] got item {item}")
        reply = f"item {item} done"


def producer(c):
    next(c)  # prime: run the consumer up to its first yield
    for item in range(1, 4):
        print(f"[producer] sending item {item}")
        reply = c.send(item)
        print(f"[producer] consumer replied: {reply}")
    c.close()


if __name__ == "__main__":
    producer(consumer())

from multiprocessing import Process, Queue

STOP = None  # the sentinel: a value that is never a real item


def produce(queue):
    print("Producer: putting 5 items on the queue.")
    for item in range(1, 6):
        queue.put(item * 10)
    queue.put(STOP)  # tells the consumer there is nothing more


def consume(queue):
    while True:
        item = queue.get()  # waits until an item arrives
        if item is STOP:
            break
        print(f"Consumer: got {item}")
    print("Consumer: got the sentinel, stopping.")


if __name__ == "__main__":
    queue = Queue()
    producer = Process(target=produce, args=(queue,))
    consumer = Process(target=consume, args=(queue,))
    producer.start()
    consumer.start()
    producer.join()
    consumer.join()  # returns because the consumer ended on its own
    codes = f"{producer.exitcode} and {consumer.exitcode}"
    print(f"Both ended with exit codes {codes}.")

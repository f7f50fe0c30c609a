import asyncio

STOP = None  # the sentinel: tells one consumer there is nothing more


async def producer(queue, consumers):
    for item in range(1, 6):
        await queue.put(item)
    for _ in range(consumers):
        await queue.put(STOP)


async def consumer(queue):
    total = 0
    while (item := await queue.get()) is not STOP:
        await asyncio.sleep(0.01)
        total += item
    return total


async def main():
    queue = asyncio.Queue(maxsize=2)  # put() waits while two items are queued
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(queue, consumers=2))
        consumers = [tg.create_task(consumer(queue)) for _ in range(2)]
    totals = [c.result() for c in consumers]
    print(f"Sum of all items: {sum(totals)}")


if __name__ == "__main__":
    asyncio.run(main())

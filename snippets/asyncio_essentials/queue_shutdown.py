import asyncio


async def consumer(name, queue, handled):
    while True:
        try:
            item = await queue.get()
        except asyncio.QueueShutDown:  # shut down, and nothing left
            return
        try:
            await asyncio.sleep(0.01)  # the work
            handled[name].append(item)
        finally:
            queue.task_done()  # even if the work raised


async def main():
    queue = asyncio.Queue()
    handled = {"a": [], "b": []}
    async with asyncio.TaskGroup() as tg:
        for name in handled:
            tg.create_task(consumer(name, queue, handled))
        for item in range(6):
            await queue.put(item)
        queue.shutdown()  # no more puts; gets go on until the queue is empty
        try:
            queue.put_nowait(99)
        except asyncio.QueueShutDown:
            print("put() after shutdown(): QueueShutDown")
    print(f"handled: {handled}")

    queue = asyncio.Queue()
    for item in range(6):
        queue.put_nowait(item)
    queue.shutdown(immediate=True)  # also drops what is still queued
    print(f"after shutdown(immediate=True): {queue.qsize()} items left")


if __name__ == "__main__":
    asyncio.run(main())

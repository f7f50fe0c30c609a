import asyncio


async def worker(name, queue, done):
    while True:
        job = await queue.get()  # waits while the queue is empty
        try:
            await asyncio.sleep(0.01 * job)
            done.append((job, name))
        finally:
            queue.task_done()  # even if the job raised


async def main():
    queue = asyncio.Queue()
    for job in range(1, 9):
        queue.put_nowait(job)
    done = []
    workers = [
        asyncio.create_task(worker(f"w{i}", queue, done)) for i in range(3)
    ]

    await queue.join()  # returns once task_done() was called for every job
    print(f"{len(done)} jobs done, queue empty: {queue.empty()}")

    # The workers are still waiting in queue.get(): cancel them.
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print(f"Workers ended with: {sorted({type(r).__name__ for r in results})}")


if __name__ == "__main__":
    asyncio.run(main())

import asyncio
import time

DELAYS = [0.3, 0.2, 0.1]


async def fetch(n, delay):
    await asyncio.sleep(delay)
    print(f"fetch {n} finished")
    return delay * 10


async def main():
    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(n, d)) for n, d in enumerate(DELAYS)]
    # Leaving the block waited for every task in the group.
    elapsed = time.perf_counter() - start
    print(f"Results: {[task.result() for task in tasks]}")
    print(f"Took less than the sum of the sleeps: {elapsed < sum(DELAYS)}")


if __name__ == "__main__":
    asyncio.run(main())

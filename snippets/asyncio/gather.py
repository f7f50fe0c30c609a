import asyncio
import time

DELAYS = [0.3, 0.2, 0.1]


async def fetch(n, delay):
    await asyncio.sleep(delay)  # stands for waiting on the network
    return f"result {n} after {delay} s"


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(
        *(fetch(n, d) for n, d in enumerate(DELAYS))
    )
    elapsed = time.perf_counter() - start
    for line in results:  # in the order the coroutines were passed
        print(line)
    print(f"Sum of the sleeps: {sum(DELAYS):.1f} s")
    print(f"Took less than the sum of the sleeps: {elapsed < sum(DELAYS)}")


if __name__ == "__main__":
    asyncio.run(main())

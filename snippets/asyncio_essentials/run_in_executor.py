import asyncio
import concurrent.futures


def count_primes(limit):
    # Pure Python computation: in a thread it would hold the GIL.
    return sum(
        all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit)
    )


async def ticker(ticks):
    while True:
        await asyncio.sleep(0.01)
        ticks.append(1)


async def main(pool):
    loop = asyncio.get_running_loop()
    ticks = []
    tick_task = asyncio.create_task(ticker(ticks))
    counts = await asyncio.gather(
        loop.run_in_executor(pool, count_primes, 100_000),
        loop.run_in_executor(pool, count_primes, 200_000),
    )
    tick_task.cancel()
    print(f"primes below 100,000 and 200,000: {counts}")
    shown = "at least 5" if len(ticks) >= 5 else len(ticks)
    print(f"ticks during the work: {shown}")


if __name__ == "__main__":
    # Leaving the with block waits for the workers: do it outside the loop.
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        asyncio.run(main(pool))

import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} (took {delay} s)"


async def main():
    jobs = [fetch("a", 0.3), fetch("b", 0.1), fetch("c", 0.2)]
    # Each item is an awaitable for "the next one to finish".
    for next_done in asyncio.as_completed(jobs):
        print(f"finished: {await next_done}")

    jobs = [fetch("a", 0.3), fetch("b", 0.1), fetch("c", 0.2)]
    results = await asyncio.gather(*jobs)  # waits for all, keeps the order
    print(f"gather: {results}")


if __name__ == "__main__":
    asyncio.run(main())

import asyncio

LIMIT = 3
running = 0
max_running = 0


async def download(n, limit):
    global running, max_running
    async with limit:  # at most LIMIT coroutines get past this line at once
        running += 1
        max_running = max(max_running, running)
        await asyncio.sleep(0.05)
        running -= 1
    return n


async def main():
    limit = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(download(n, limit) for n in range(10)))
    print(f"Downloaded {len(results)} files")
    print(f"At most {max_running} downloads ran at the same time")


if __name__ == "__main__":
    asyncio.run(main())

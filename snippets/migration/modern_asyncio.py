import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)  # was: yield from asyncio.sleep(delay)
    return f"{name} done"


async def main():
    async with asyncio.timeout(1):  # was: asyncio.wait_for(..., timeout=1)
        async with asyncio.TaskGroup() as tg:  # was: asyncio.gather(...)
            first = tg.create_task(fetch("first", 0.2))
            second = tg.create_task(fetch("second", 0.1))
    print(first.result())
    print(second.result())


if __name__ == "__main__":
    asyncio.run(main())  # was: get_event_loop().run_until_complete(main())

import asyncio


async def slow_operation():
    await asyncio.sleep(10)
    return "finished"


async def main():
    try:
        async with asyncio.timeout(0.2):
            result = await slow_operation()
            print(result)
    except TimeoutError:
        print("Gave up after 0.2 s")

    # wait_for() does the same for a single awaitable, and works before 3.11.
    try:
        await asyncio.wait_for(slow_operation(), timeout=0.2)
    except TimeoutError:
        print("wait_for gave up too")


if __name__ == "__main__":
    asyncio.run(main())

import asyncio


async def slow():
    try:
        await asyncio.sleep(1)
        print("slow finished")
    except asyncio.CancelledError:
        print("slow was cancelled")
        raise


async def broken():
    await asyncio.sleep(0.1)
    raise ValueError("bad input")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow())
            tg.create_task(broken())
    except* ValueError as group:
        for exc in group.exceptions:
            print(f"Caught: {exc!r}")


if __name__ == "__main__":
    asyncio.run(main())

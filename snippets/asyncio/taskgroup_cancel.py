import asyncio


async def ask(mirror, delay, group):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{mirror}: cancelled")
        raise
    print(f"{mirror}: answered first")
    group.cancel()  # Python 3.15+: stop the rest of the group


async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(ask("slow mirror", 1.0, group))
        group.create_task(ask("fast mirror", 0.1, group))
        await asyncio.sleep(5)
        print("not printed: the body is cancelled too")
    print("After the group, no exception")


if __name__ == "__main__":
    asyncio.run(main())

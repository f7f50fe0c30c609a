import asyncio


async def helper():
    return 42


def sync_api():
    # A synchronous wrapper: fine from plain code, fails from a coroutine.
    coro = helper()
    try:
        return asyncio.run(coro)
    except RuntimeError:
        coro.close()  # asyncio.run() refused it; don't leave it never awaited
        raise


async def main():
    try:
        sync_api()
    except RuntimeError as exc:
        print(f"RuntimeError: {exc}")
    print(f"await works: {await helper()}")


if __name__ == "__main__":
    print(f"from plain code: {sync_api()}")
    asyncio.run(main())

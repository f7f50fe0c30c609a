import asyncio

try:
    decorator = asyncio.coroutine  # what @asyncio.coroutine looked up
except AttributeError as exc:
    print(f"AttributeError: {exc}")


async def hello():
    print("Hello world!")
    await asyncio.sleep(0.1)  # was: r = yield from asyncio.sleep(1)
    print("Hello again!")


if __name__ == "__main__":
    asyncio.run(hello())

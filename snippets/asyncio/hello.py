import asyncio


async def greet(name, delay):
    await asyncio.sleep(delay)  # the event loop may run other tasks meanwhile
    return f"Hello, {name}!"


async def main():
    coro = greet("asyncio", 0.1)
    print(type(coro).__name__)  # calling greet() ran none of its body
    message = await coro
    print(message)


if __name__ == "__main__":
    asyncio.run(main())

import asyncio
import threading


def shown():
    return f"{threading.current_thread}"  # no (): the function itself


async def hello(name):
    print(f"{name}: {shown()}")
    await asyncio.sleep(0.1)
    print(f"{name}: {threading.current_thread().name}")  # called: the thread


async def main():
    await asyncio.gather(hello("Bob"), hello("Alice"))
    elsewhere = await asyncio.to_thread(shown)  # run in another thread
    print(f"another thread, not called: {elsewhere}")
    print(f"the same text as in MainThread: {elsewhere == shown()}")
    name = await asyncio.to_thread(lambda: threading.current_thread().name)
    print(f"another thread, called: {name}")


if __name__ == "__main__":
    asyncio.run(main())

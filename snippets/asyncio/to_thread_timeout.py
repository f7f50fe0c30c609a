import asyncio
import time

start = time.perf_counter()


def since_start():
    return f"{time.perf_counter() - start:.1f} s"


def slow_call():
    time.sleep(2)  # a thread cannot be cancelled
    print(f"thread: done at {since_start()}")


async def main():
    try:
        async with asyncio.timeout(0.2):
            await asyncio.to_thread(slow_call)
    except TimeoutError:
        print(f"main: TimeoutError at {since_start()}")


if __name__ == "__main__":
    asyncio.run(main())  # waits for the thread before returning
    print(f"asyncio.run() returned at {since_start()}")

import asyncio
import threading
import time

finished = threading.Event()


def slow_call():
    time.sleep(2)  # a thread cannot be cancelled
    finished.set()
    print("thread: done, after its whole 2 s sleep")


async def main():
    try:
        async with asyncio.timeout(0.2):
            await asyncio.to_thread(slow_call)
    except TimeoutError:
        running = not finished.is_set()
        print(f"main: TimeoutError, while the thread runs on: {running}")


if __name__ == "__main__":
    start = time.perf_counter()
    asyncio.run(main())  # waits for the thread before returning
    print(
        f"asyncio.run() returned after the thread ended: {finished.is_set()}"
    )
    print(f"asyncio.run() took {time.perf_counter() - start:.0f} s")

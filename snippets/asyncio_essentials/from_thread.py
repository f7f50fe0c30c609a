import asyncio
import threading


async def lookup(key):
    await asyncio.sleep(0.05)
    return key.upper()


def worker(loop, done):
    # A plain thread: it must not call the loop's methods directly.
    future = asyncio.run_coroutine_threadsafe(lookup("abc"), loop)
    print(f"thread: the loop answered {future.result(timeout=5)!r}")
    loop.call_soon_threadsafe(done.set)  # done.set() runs in the loop


async def main():
    loop = asyncio.get_running_loop()
    done = asyncio.Event()
    thread = threading.Thread(target=worker, args=(loop, done))
    thread.start()
    await done.wait()
    print("loop: the thread has set the event")
    return thread


if __name__ == "__main__":
    thread = asyncio.run(main())
    thread.join()

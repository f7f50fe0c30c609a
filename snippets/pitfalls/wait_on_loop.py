import asyncio


async def answer():
    return 42


async def main():
    loop = asyncio.get_running_loop()
    future = asyncio.run_coroutine_threadsafe(answer(), loop)
    try:
        future.result(timeout=1)  # blocks the loop that would run answer()
    except TimeoutError:
        print("result() on the loop's thread: nothing after 1 s")
    result = await asyncio.wrap_future(future)  # waits without blocking
    print(f"await asyncio.wrap_future(future): {result}")


asyncio.run(main())

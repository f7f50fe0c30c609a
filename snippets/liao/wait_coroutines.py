import asyncio


async def greet(name):
    await asyncio.sleep(0.1)
    return f"hello, {name}"


async def main():
    coros = [greet("a"), greet("b")]
    try:
        await asyncio.wait(coros)  # bare coroutines: refused since 3.11
    except TypeError as exc:
        print(f"TypeError: {exc}")
    for coro in coros:
        coro.close()  # never started; closing them avoids a warning

    tasks = [asyncio.create_task(greet(n)) for n in ("a", "b")]
    done, pending = await asyncio.wait(tasks)
    print(f"wait(tasks): {len(done)} done, {len(pending)} pending")
    print("gather:", await asyncio.gather(greet("a"), greet("b")))


if __name__ == "__main__":
    asyncio.run(main())

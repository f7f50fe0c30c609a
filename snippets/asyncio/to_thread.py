import asyncio
import time


def blocking_read():
    time.sleep(0.2)  # a blocking call: a library without async support
    return "data"


async def ticker(ticks):
    for _ in range(3):
        await asyncio.sleep(0.03)
        ticks.append("tick")


async def called_directly():
    return blocking_read()  # blocks the whole event loop


async def in_a_thread():
    return await asyncio.to_thread(blocking_read)


async def run(label, read):
    ticks = []
    tick_task = asyncio.create_task(ticker(ticks))
    result = await read()
    ticks_during_read = len(ticks)
    await tick_task
    print(
        f"{label}: got {result!r}, ticks during the read: {ticks_during_read}"
    )


async def main():
    await run("called directly  ", called_directly)
    await run("asyncio.to_thread", in_a_thread)


if __name__ == "__main__":
    asyncio.run(main())

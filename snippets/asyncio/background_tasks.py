import asyncio
import gc

background = set()  # holds each task until it is done


async def job(name):
    reply = asyncio.Event()  # nothing outside this task can reach it
    try:
        await reply.wait()
    finally:
        print(f"{name}: finally")


async def main():
    asyncio.create_task(job("lost"))  # no reference kept
    kept = asyncio.create_task(job("kept"))
    background.add(kept)
    kept.add_done_callback(background.discard)
    await asyncio.sleep(0)  # both start, and wait for their reply
    gc.collect()  # now, instead of whenever Python next collects
    print(f"main: kept is still pending: {not kept.done()}")


asyncio.run(main())

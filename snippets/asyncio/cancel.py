import asyncio


async def worker():
    print("worker: started")
    try:
        await asyncio.sleep(10)
        print("worker: finished")  # never reached
    except asyncio.CancelledError:
        print("worker: cancelled while sleeping")
        raise  # let the cancellation finish
    finally:
        print("worker: cleaning up")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.1)  # let the worker start
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the task is cancelled")
    print(f"task.cancelled() = {task.cancelled()}")

    early = asyncio.create_task(worker())
    early.cancel()  # before its first step: worker() prints nothing
    await asyncio.sleep(0.1)
    print(f"early.cancelled() = {early.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())

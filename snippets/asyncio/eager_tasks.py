import asyncio


async def job(name):
    print(f"  {name} starts")
    await asyncio.sleep(0)  # the first await that gives the thread back
    print(f"  {name} finishes")


async def main():
    print("Default tasks:")
    task = asyncio.create_task(job("task 1"))
    print("  create_task() returned")
    await task

    # Python 3.12+: from now on, each new task of this loop starts at once.
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    print("Eager tasks:")
    task = asyncio.create_task(job("task 2"))
    print("  create_task() returned")
    await task


asyncio.run(main())

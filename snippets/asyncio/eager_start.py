import asyncio


async def job(name):
    print(f"  {name} starts")
    await asyncio.sleep(0)
    print(f"  {name} finishes")


async def main():
    print("Default factory, eager_start=True:")
    task = asyncio.create_task(job("task 1"), eager_start=True)
    print("  create_task() returned")
    await task

    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    print("Eager factory, eager_start=False:")
    task = asyncio.create_task(job("task 2"), eager_start=False)
    print("  create_task() returned")
    await task


asyncio.run(main())

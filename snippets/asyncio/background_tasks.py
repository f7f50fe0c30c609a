import asyncio

# The event loop holds only a weak reference to a task. A task that
# nothing else references can be garbage-collected before it finishes,
# so keep each one here until it is done.
background = set()


async def job(name):
    print(f"{name} starts")
    await asyncio.sleep(0.01)
    print(f"{name} done")


async def main():
    for name in ("a", "b"):
        task = asyncio.create_task(job(name))
        background.add(task)
        task.add_done_callback(background.discard)
    print("Two tasks created; neither has started.")
    await asyncio.sleep(0)  # back to the event loop: now they start
    print("main runs again while they wait.")
    await asyncio.sleep(0.1)
    print(f"Tasks still referenced: {len(background)}")


asyncio.run(main())

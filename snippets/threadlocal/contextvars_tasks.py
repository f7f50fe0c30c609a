import asyncio
import contextvars
import threading

request_local = threading.local()
request_var = contextvars.ContextVar("request")


async def handle(name):
    request_local.name = name
    request_var.set(name)
    await asyncio.sleep(0.01)  # the other task runs while this one waits
    print(
        f"{name}: threading.local says {request_local.name}, "
        f"ContextVar says {request_var.get()}"
    )


async def main():
    # Both tasks run in the same thread, one after the other at each await.
    async with asyncio.TaskGroup() as tg:
        tg.create_task(handle("alice"))
        tg.create_task(handle("bob"))


if __name__ == "__main__":
    asyncio.run(main())

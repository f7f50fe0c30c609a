import asyncio


async def waiter(name, ready, config):
    await ready.wait()  # suspends this task only; the loop runs on
    print(f"{name} starts with port {config['port']}")


async def main():
    ready = asyncio.Event()
    config = {}
    async with asyncio.TaskGroup() as tg:
        for name in ("web", "worker", "metrics"):
            tg.create_task(waiter(name, ready, config))
        await asyncio.sleep(0.05)  # loading the configuration
        config["port"] = 8080
        print("configuration loaded, setting the event")
        ready.set()  # wakes every waiting task
    print(f"is_set() after set(): {ready.is_set()}")


if __name__ == "__main__":
    asyncio.run(main())

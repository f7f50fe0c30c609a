import asyncio

stock = []


async def packer(changed):
    async with changed:
        # Releases the lock while waiting, takes it back before returning.
        await changed.wait_for(lambda: len(stock) >= 3)
        box = [stock.pop(0) for _ in range(3)]
    print(f"packer: a box of {box}")


async def supplier(changed):
    for item in ("apple", "pear", "plum", "fig"):
        await asyncio.sleep(0.02)
        async with changed:
            stock.append(item)
            print(f"supplier: {item} in stock ({len(stock)})")
            changed.notify_all()  # waiters check their predicate again


async def main():
    changed = asyncio.Condition()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(packer(changed))
        tg.create_task(supplier(changed))
    print(f"left in stock: {stock}")


if __name__ == "__main__":
    asyncio.run(main())

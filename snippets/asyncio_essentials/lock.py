import asyncio

balance = 0


async def deposit(amount):
    global balance
    current = balance
    await asyncio.sleep(0)  # a database call, say: other tasks run here
    balance = current + amount


async def locked_deposit(lock, amount):
    global balance
    async with lock:  # one task at a time from here to the end of the block
        current = balance
        await asyncio.sleep(0)
        balance = current + amount


async def main():
    global balance
    await asyncio.gather(*(deposit(10) for _ in range(100)))
    print(f"100 deposits of 10 without a lock: balance = {balance}")

    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(locked_deposit(lock, 10) for _ in range(100)))
    print(f"100 deposits of 10 with asyncio.Lock: balance = {balance}")


if __name__ == "__main__":
    asyncio.run(main())

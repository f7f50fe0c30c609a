import asyncio
import time


async def main():
    time.sleep(0.15)  # a blocking call: the event loop can do nothing else meanwhile
    print("main() is done")


if __name__ == "__main__":
    asyncio.run(main(), debug=True)

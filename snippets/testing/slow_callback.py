import asyncio
import time


async def main():
    # A blocking call: the event loop can do nothing else meanwhile.
    time.sleep(0.15)
    print("main() is done")


if __name__ == "__main__":
    asyncio.run(main(), debug=True)

import asyncio
import time


async def download():
    try:
        await asyncio.sleep(10)  # a server that takes 10 s to answer
        return "the file"
    finally:
        # Runs when the timeout cancels the download, too.
        await asyncio.sleep(0.05)  # close the connection
        print("download: connection closed")


async def main():
    start = time.perf_counter()
    try:
        async with asyncio.timeout(0.2):
            await download()
    except TimeoutError:
        elapsed = time.perf_counter() - start
        print(f"gave up after {elapsed:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())

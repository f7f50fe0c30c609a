import asyncio


async def save(name):
    await asyncio.sleep(0)
    print(f"saved {name}")


if __name__ == "__main__":
    save("report.txt")  # the mistake: no await
    print("The program goes on as if the file were saved.")

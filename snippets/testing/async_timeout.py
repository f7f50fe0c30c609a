import asyncio


async def never_answers():
    await asyncio.Event().wait()  # nobody ever sets this event


async def main():
    try:
        async with asyncio.timeout(0.1):
            await never_answers()
    except TimeoutError:
        print("gave up after 0.1 s")


if __name__ == "__main__":
    asyncio.run(main())

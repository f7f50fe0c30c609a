import asyncio
import contextlib
import io

# The two output lines printed under the chapter's hello() example
SHOWN = ["Hello!", "Hello again!"]


async def hello():
    print("Hello world!")  # what the chapter's code prints first
    await asyncio.sleep(0.1)
    print("Hello again!")


if __name__ == "__main__":
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        asyncio.run(hello())
    for got, shown in zip(printed.getvalue().splitlines(), SHOWN, strict=True):
        verdict = "same" if got == shown else "differs"
        print(f"printed {got!r:15} shown {shown!r:15} {verdict}")

import asyncio
import unittest

from aiohttp import test_utils, web


async def hello(request):
    return web.Response(text="Hello from aiohttp")


async def square(request):
    n = int(request.match_info["n"])
    return web.json_response({"n": n, "square": n * n})


def make_app():
    app = web.Application()
    app.router.add_get("/", hello)
    app.router.add_get(r"/square/{n:\d+}", square)  # digits only
    return app


class AppTests(test_utils.AioHTTPTestCase):
    async def asyncSetUp(self):
        # unittest runs the event loop in debug mode, which reports every step
        # that takes over 0.1 s; starting a server can, on a busy machine.
        asyncio.get_running_loop().slow_callback_duration = 1.0
        await super().asyncSetUp()

    async def get_application(self):
        return make_app()  # a new app and server on a free port for each test

    async def test_hello(self):
        async with self.client.get("/") as resp:
            self.assertEqual(resp.status, 200)
            self.assertEqual(await resp.text(), "Hello from aiohttp")

    async def test_square(self):
        async with self.client.get("/square/12") as resp:
            self.assertEqual(resp.status, 200)
            self.assertEqual(await resp.json(), {"n": 12, "square": 144})

    async def test_square_needs_digits(self):
        async with self.client.get("/square/twelve") as resp:
            self.assertEqual(resp.status, 404)


if __name__ == "__main__":
    unittest.main(verbosity=2)

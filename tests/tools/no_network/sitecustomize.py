"""Put on PYTHONPATH to make every internet socket fail at creation, as on a machine with no network at all."""

import socket

_real_socket = socket.socket
_BLOCKED = {socket.AF_INET, socket.AF_INET6}


class _NoNetworkSocket(_real_socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family in (_BLOCKED | {-1}):
            raise OSError(101, "network access is blocked in this test (SubReview must work offline)")
        super().__init__(family, type, proto, fileno)


def _refuse(*args, **kwargs):
    raise OSError(101, "network access is blocked in this test (SubReview must work offline)")


socket.socket = _NoNetworkSocket
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
socket.gethostbyname = _refuse

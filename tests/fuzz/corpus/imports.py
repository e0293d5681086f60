import a.b.c as d
from ..pkg import (x as y, z,)
from . import w
from m import *

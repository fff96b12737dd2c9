/* hello — the process floor for bench/postconf_bench.sh: a static
   hello-world (built by the bench with cc -O2 -static), the least a
   program that prints one line can cost here. */
#include <stdio.h>

int main(void) {
  puts("hello, world");
  return 0;
}

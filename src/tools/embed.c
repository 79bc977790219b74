/*
 * tg-embed: build-time tool that writes a data file into a C source file as a byte array plus
 * its length, so the binaries carry their schema and gazetteers inside them.
 *
 * usage: tg-embed SYMBOL INPUT OUTPUT.c
 * The array gets a terminating NUL that the length does not count, so text data can be used as a
 * C string directly.
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: tg-embed SYMBOL INPUT OUTPUT.c\n");
        return 2;
    }
    FILE *in = fopen(argv[2], "rb");
    if (!in) {
        perror(argv[2]);
        return 1;
    }
    FILE *out = fopen(argv[3], "w");
    if (!out) {
        perror(argv[3]);
        fclose(in);
        return 1;
    }
    fprintf(out, "#include <stddef.h>\nconst unsigned char %s[] = {\n", argv[1]);
    size_t count = 0;
    int c;
    while ((c = fgetc(in)) != EOF) {
        fprintf(out, "%d,%s", c, ++count % 20 == 0 ? "\n" : "");
    }
    fprintf(out, "0};\nconst size_t %s_len = %zu;\n", argv[1], count);
    int failed = ferror(in) || fclose(out) != 0;
    fclose(in);
    if (failed) {
        fprintf(stderr, "tg-embed: failed writing %s\n", argv[3]);
        return 1;
    }
    return 0;
}

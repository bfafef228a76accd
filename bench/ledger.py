#!/usr/bin/env python3
"""Writes a resident ledger (台账) CSV for the import benchmark: `bench/ledger.py OUT.csv --rows
1000000 --codes CODES.txt`. Every row is valid — a GB 11643 ID number (with its check
character, birth date and sex matching the other columns) unique within the file and never
issued by the demo (area code 610104, which the demo does not use), a mobile number, and the
code of a household in the district (one per line in CODES.txt) — so the import writes all of
them. Deterministic for a seed.
"""
import argparse
import csv
import random

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩芳娜敏静丽艳娟霞秀英慧玲婷雪琳颖倩洁燕萍红梅莉兰凤琴云"
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
HEADER = ["姓名", "性别", "出生日期", "身份证号", "联系电话", "民族", "政治面貌", "与户主关系", "人口类别", "居住地编码", "标签", "备注"]


def check_character(first17):
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--codes", required=True, help="household codes, one per line")
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    codes = [line.strip() for line in open(args.codes) if line.strip()]
    days_in_month = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    sequence = {}
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        for n in range(args.rows):
            year, month = rng.randint(1935, 2024), rng.randint(1, 12)
            day = rng.randint(1, days_in_month[month - 1])
            male = rng.random() < 0.5
            birth = f"{year:04d}{month:02d}{day:02d}"
            # Sequence numbers per birth date keep ID numbers unique: odd for men, even for women.
            key = (birth, male)
            serial = sequence.get(key, 0)
            sequence[key] = serial + 1
            order = serial * 2 + (1 if male else 2)
            if order > 999:
                continue
            first17 = f"610104{birth}{order:03d}"
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))
            out.writerow([name, "男" if male else "女", f"{year:04d}-{month:02d}-{day:02d}", first17 + check_character(first17),
                          f"1{rng.choice('3589')}{rng.randint(0, 999999999):09d}", "汉族", rng.choice(["群众", "群众", "中共党员", "共青团员"]),
                          rng.choice(["户主", "配偶", "子女", "父母"]), rng.choice(["户籍", "户籍", "户籍", "流动"]), rng.choice(codes),
                          rng.choice(["", "", "", "", "独居老人", "残疾人", "低保户"]), ""])


if __name__ == "__main__":
    main()

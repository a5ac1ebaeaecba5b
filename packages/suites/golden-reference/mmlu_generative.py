"""The golden requests of mmlu_generative, written independently of zoo.

Renders lm-evaluation-harness's task YAML text for mmlu_generative (lm_eval/tasks/mmlu/generative,
_default_template_yaml, task version 3.0) with jinja2 set up as lm-evaluation-harness sets it up (StrictUndefined,
keep_trailing_newline), builds the few-shot context as its ContextSampler.get_context and
ConfigurableTask.fewshot_context do (description, then first_n dev examples each followed by target_delimiter,
target and fewshot_delimiter, then the document), reads the CSV files as the Hugging Face dataset script does
(Python's csv module, headerless: question, A, B, C, D, answer letter), and prints zoo's request records as JSONL.

    python3 mmlu_generative.py ../../../benchmarks/samples/mmlu/data 5 > ../src/golden/mmlu_generative-5shot.jsonl
"""

import csv
import json
import os
import sys

import jinja2

TASK_YAML = {
    "description": "The following are multiple choice questions (with answers) about {{subject}}.\n\n",
    "doc_to_text": "{{question.strip()}}\nA. {{choices[0]}}\nB. {{choices[1]}}\nC. {{choices[2]}}\nD. {{choices[3]}}\nAnswer:",
    "doc_to_target": "{{['A', 'B', 'C', 'D'][answer]}}",
    "target_delimiter": " ",
    "fewshot_delimiter": "\n\n",
    "until": ["</s>", "\n"],
    "max_gen_toks": 256,
}

ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def render(template, doc):
    return ENV.from_string(template).render(**doc)


def read(path, subject):
    with open(path, newline="", encoding="utf-8") as file:
        return [
            {"question": row[0], "choices": row[1:5], "answer": "ABCD".index(row[5]), "subject": subject}
            for row in csv.reader(file)
        ]


def main(data, shots):
    subjects = sorted(name[: -len("_test.csv")] for name in os.listdir(os.path.join(data, "test")))
    doc_id = 0
    for subject in subjects:
        test = read(os.path.join(data, "test", f"{subject}_test.csv"), subject)
        dev = read(os.path.join(data, "dev", f"{subject}_dev.csv"), subject)
        # Each subject's YAML spells its description out with the subject's words.
        description = render(TASK_YAML["description"], {"subject": subject.replace("_", " ")})
        labeled = "".join(
            render(TASK_YAML["doc_to_text"], example)
            + TASK_YAML["target_delimiter"]
            + render(TASK_YAML["doc_to_target"], example)
            + TASK_YAML["fewshot_delimiter"]
            for example in dev[:shots]
        )
        for doc in test:
            context = description + labeled + render(TASK_YAML["doc_to_text"], doc)
            record = {
                "doc_id": doc_id,
                "type": "generation",
                "context": context,
                "until": TASK_YAML["until"],
                "max_tokens": TASK_YAML["max_gen_toks"],
            }
            print(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            doc_id += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))

"""The golden chat prompts of MMLU, written independently of zoo.

Builds each document's chat transcript as lm-evaluation-harness's ConfigurableTask.fewshot_context does with
apply_chat_template (lm_eval/api/task.py and ContextSampler.get_chat_context in lm_eval/api/samplers.py, v0.4.x):
a system turn of the system instruction and the description, joined by the few-shot delimiter; the first_n dev
examples as one user turn, or each as a user and an assistant turn with --fewshot_as_multiturn; the question appended
to the last user turn, or as a turn of its own. The choices follow with no target delimiter. It then renders the
transcript with the tiny LM's chat templates as transformers' apply_chat_template does (jinja2's
ImmutableSandboxedEnvironment with trim_blocks and lstrip_blocks, raise_exception, the special tokens, the generation
prompt), dropping the system turn when the template refuses it, as lm-evaluation-harness's HFLM.apply_chat_template
does. It prints zoo's request records (`zoo requests --model … --apply-chat-template NAME`) as JSONL.

    python3 chat_prompts.py ../../../benchmarks/samples/mmlu/data ../src/tiny-lm/chat-templates.json \\
        llama-3 "" 0 > ../src/golden/mmlu-chat-llama-3.jsonl
"""

import csv
import json
import os
import sys

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

DOC_TO_TEXT = "{{question.strip()}}\nA. {{choices[0]}}\nB. {{choices[1]}}\nC. {{choices[2]}}\nD. {{choices[3]}}\nAnswer:"
DESCRIPTION = "The following are multiple choice questions (with answers) about {{subject}}.\n\n"
LETTERS = ["A", "B", "C", "D"]
TASK_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
# The tiny LM's special tokens, as its tokenizer_config.json names them.
SPECIAL_TOKENS = {"bos_token": "[BOS]", "eos_token": "[EOS]", "unk_token": "[UNK]", "pad_token": "[PAD]"}


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


CHAT_ENV = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
CHAT_ENV.globals["raise_exception"] = raise_exception


def read(path, subject):
    with open(path, newline="", encoding="utf-8") as file:
        return [
            {"question": row[0], "choices": row[1:5], "answer": LETTERS.index(row[5]), "subject": subject}
            for row in csv.reader(file)
        ]


def text(doc):
    return TASK_ENV.from_string(DOC_TO_TEXT).render(**doc)


def transcript(doc, examples, system_instruction, multiturn):
    description = TASK_ENV.from_string(DESCRIPTION).render(subject=doc["subject"].replace("_", " "))
    if system_instruction is not None and description:
        system = f"{system_instruction}\n\n{description}"
    else:
        system = system_instruction if system_instruction is not None else description
    messages = [{"role": "system", "content": system}] if system else []
    if examples:
        if multiturn:
            for example in examples:
                messages.append({"role": "user", "content": text(example)})
                messages.append({"role": "assistant", "content": LETTERS[example["answer"]]})
        else:
            labeled = "".join(text(example) + " " + LETTERS[example["answer"]] + "\n\n" for example in examples)
            messages.append({"role": "user", "content": labeled})
    question = text(doc)
    if not multiturn and messages and messages[-1]["role"] == "user":
        messages[-1]["content"] += question
    else:
        messages.append({"role": "user", "content": question})
    return messages


def render(template, messages):
    compiled = CHAT_ENV.from_string(template)
    try:
        return compiled.render(messages=messages, add_generation_prompt=True, **SPECIAL_TOKENS)
    except jinja2.exceptions.TemplateError:
        kept = [message for message in messages if message["role"] != "system"]
        return compiled.render(messages=kept, add_generation_prompt=True, **SPECIAL_TOKENS)


def main(data, templates_file, name, system_instruction, multiturn):
    templates = {entry["name"]: entry["template"] for entry in json.load(open(templates_file))["templates"]}
    subjects = sorted(name[: -len("_test.csv")] for name in os.listdir(os.path.join(data, "test")))
    doc_id = 0
    for subject in subjects:
        test = read(os.path.join(data, "test", f"{subject}_test.csv"), subject)
        dev = read(os.path.join(data, "dev", f"{subject}_dev.csv"), subject)
        for doc in test:
            context = render(templates[name], transcript(doc, dev[:5], system_instruction, multiturn))
            for choice in LETTERS:
                record = {"doc_id": doc_id, "type": "loglikelihood", "context": context, "continuation": choice}
                print(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            doc_id += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] or None, sys.argv[5] == "1")

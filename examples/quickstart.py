"""Request a number, send a message, and see how a send to an opted-out number fails —
all answered in-process by smsmock, with no AWS account and no network."""

from __future__ import annotations

import boto3
from botocore.exceptions import ClientError

from smsmock import mock_sms_voice


def main() -> None:
    with mock_sms_voice() as sms:
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")

        number = client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS", "VOICE"],
            NumberType="TOLL_FREE",
        )
        # A US toll-free number stays PENDING until its registration is approved, as on AWS.
        sms.register_phone_number(number["PhoneNumberId"])
        print(f"requested {number['PhoneNumber']} ({number['PhoneNumberId']}): {number['Status']}")
        status = client.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])
        print(f"now {status['PhoneNumbers'][0]['Status']}")

        sent = client.send_text_message(
            DestinationPhoneNumber="+12065550142",
            OriginationIdentity=number["PhoneNumberArn"],
            MessageBody="Your code is 123456",
            MessageType="TRANSACTIONAL",
        )
        print(f"sent message {sent['MessageId']}")

        client.put_opted_out_number(OptOutListName="Default", OptedOutNumber="+12065550199")
        try:
            client.send_text_message(
                DestinationPhoneNumber="+12065550199",
                OriginationIdentity=number["PhoneNumberId"],
                MessageBody="Hello again",
            )
        except ClientError as error:
            print(f"refused: {error.response['Error']['Code']} {error.response['Reason']}")

        for message in sms.sent_messages:
            print(
                f"{message.channel} from {message.origination_identity} to "
                f"{message.destination_phone_number}: {message.message_body!r} "
                f"({message.segments} segment, {message.price} USD)"
            )


if __name__ == "__main__":
    main()
